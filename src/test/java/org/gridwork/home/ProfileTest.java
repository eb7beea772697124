package org.gridwork.home;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ProfileTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void myAccountShowsWhoIAmAndMyRole() throws Exception {
        mvc.perform(get("/me").header("Accept-Language", "en").with(user(users.loadUserByUsername("handler"))))
                .andExpect(content().string(containsString("赵强")))
                .andExpect(content().string(containsString("Department handler")));
    }
}
