package org.gridwork.home;

import org.gridwork.account.AccountService;
import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Me": who I am logged in as. One indexed query and a tiny template, so it also serves the
 * benchmark as its baseline page, the floor of this stack.
 */
@Controller
class ProfileController {

    private final CurrentUsers currentUsers;
    private final AccountService accounts;

    ProfileController(CurrentUsers currentUsers, AccountService accounts) {
        this.currentUsers = currentUsers;
        this.accounts = accounts;
    }

    @GetMapping("/me")
    String me(Model model) {
        long id = currentUsers.require().id();
        model.addAttribute("me", accounts.findUser(id).orElseThrow(() -> new NotFoundException("user", id)));
        return "home/me";
    }
}
