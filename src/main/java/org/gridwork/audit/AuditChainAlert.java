package org.gridwork.audit;

import java.util.List;

import org.gridwork.shared.web.AdminAlertSource;
import org.springframework.stereotype.Component;

/** A broken chain, as the latest verification found it, on the admin's home page. */
@Component
class AuditChainAlert implements AdminAlertSource {

    private final AuditService audit;

    AuditChainAlert(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public List<Alert> adminAlerts() {
        AuditService.ChainCheck check = audit.lastCheck();
        if (check == null || !check.broken()) {
            return List.of();
        }
        return List.of(new Alert("audit.chain.alert", check.brokenAt(), "/admin/audit/chain"));
    }
}
