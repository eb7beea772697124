package org.gridwork.territory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creating or describing a grid; the code is proposed and only editable while creating. */
record GridForm(
        @NotBlank(message = "{territory.grid.form.code.required}")
        @Pattern(regexp = "\\d{12}-\\d{3}", message = "{territory.grid.form.code.pattern}") String code,
        @NotBlank(message = "{territory.grid.form.name.required}")
        @Size(max = 100, message = "{territory.grid.form.name.size}") String name,
        @Size(max = 1000, message = "{territory.grid.form.description.size}") String description,
        long version) {
}
