package org.gridwork.issue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.gridwork.shared.crypto.FieldEncryptor;

/**
 * An Open311 reporter's name, e-mail and phone are personal data of a member of the public: stored
 * encrypted (AES-256-GCM, like ID and phone numbers), never searched. Instantiated by Spring
 * (Hibernate's bean container), so it takes the configured keys.
 */
@Converter
class ReporterContactConverter implements AttributeConverter<String, String> {

    private final FieldEncryptor crypto;

    ReporterContactConverter(FieldEncryptor crypto) {
        this.crypto = crypto;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return crypto.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return crypto.decrypt(stored);
    }
}
