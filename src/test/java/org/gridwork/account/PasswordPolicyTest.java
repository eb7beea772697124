package org.gridwork.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    static final CommonPasswords COMMON = new CommonPasswords();
    final PasswordPolicy policy = new PasswordPolicy(COMMON);

    @Test
    void shipsTheTenThousandMostCommonPasswords() {
        assertThat(COMMON.size()).isBetween(9_900, 10_000);
        assertThat(COMMON.contains("password")).isTrue();
        assertThat(COMMON.contains("QWERTYUIOP")).isTrue();
    }

    @Test
    void refusesShortCommonAndUsernamePasswords() {
        assertThat(policy.problem("li", "short-pw")).contains("account.password.tooShort");
        assertThat(policy.problem("li", "1234567890")).contains("account.password.common");
        assertThat(policy.problem("li", "qwertyuiop")).contains("account.password.common");
        // full-width digits and letters, as a Chinese input method types them
        assertThat(policy.problem("li", "１２３４５６７８９０")).contains("account.password.common");
        assertThat(policy.problem("li", "ｑｗｅｒｔｙｕｉｏｐ")).contains("account.password.common");
        assertThat(policy.problem("wangjianguo", "wangjianguo-2024")).contains("account.password.containsUsername");
        assertThat(policy.problem("li", "x".repeat(129))).contains("account.password.tooLong");
    }

    @Test
    void acceptsLongPhrasesWithoutCompositionRulesAndTheDemoPassword() {
        assertThat(policy.problem("li", "correct horse battery")).isEmpty();
        assertThat(policy.problem("li", "alllowercaseletters")).isEmpty();
        assertThat(policy.problem("admin", "gridwork-demo")).isEmpty();
    }
}
