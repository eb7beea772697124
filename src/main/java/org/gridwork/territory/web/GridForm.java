package org.gridwork.territory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.gridwork.shared.text.TextLimit;

/** Creating or describing a grid; the code is proposed and only editable while creating. */
record GridForm(
        @NotBlank(message = "{territory.grid.form.code.required}")
        @Pattern(regexp = "\\d{12}-\\d{3}", message = "{territory.grid.form.code.pattern}") String code,
        @NotBlank(message = "{territory.grid.form.name.required}")
        @TextLimit(max = 100) String name,
        @TextLimit(max = 1000) String description,
        long version) {
}
