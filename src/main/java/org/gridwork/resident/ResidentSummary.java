package org.gridwork.resident;

import java.time.LocalDate;
import java.util.List;

/** A resident as lists and other modules see them: the ID and phone numbers only masked. */
public record ResidentSummary(long id, String name, String gender, LocalDate birthDate, String idNumberMasked,
        String phoneMasked, long gridId, String address, ResidentStatus status, Long householdId,
        List<String> tags) {

    /** Age in whole years on {@code today} (the business day). */
    public int age(LocalDate today) {
        return java.time.Period.between(birthDate, today).getYears();
    }
}
