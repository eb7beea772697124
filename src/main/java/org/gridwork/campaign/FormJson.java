package org.gridwork.campaign;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Questions and answers to and from their JSON columns. */
@Component
class FormJson {

    private final JsonMapper json = JsonMapper.builder().build();

    List<Question> questions(String text) {
        return text == null || text.isBlank() ? List.of() : json.readValue(text, new TypeReference<List<Question>>() { });
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    Map<String, List<String>> answers(String text) {
        return text == null || text.isBlank() ? Map.of()
                : json.readValue(text, new TypeReference<Map<String, List<String>>>() { });
    }
}
