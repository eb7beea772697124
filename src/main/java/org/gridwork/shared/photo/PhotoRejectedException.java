package org.gridwork.shared.photo;

import org.gridwork.shared.BusinessRuleException;

/** An upload that is not an acceptable photo; the message key says why (for the field's error). */
public class PhotoRejectedException extends BusinessRuleException {

    public PhotoRejectedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
