package org.gridwork.shared.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The length limit of a free-text field, checked on the server, with one message that states the
 * limit and how long the text is ("不能超过 200 个字（现 213 个）"), shown next to the field. The limit
 * is the database column's (or less), so a too-long text never reaches the database as a 500.
 * Characters are counted as PostgreSQL's {@code varchar(n)} counts them (code points), not as
 * Java's UTF-16 units. Fields that are not bound to a form object (a comment sent with a button)
 * go through {@link TextLimits#require} instead, which throws the same message.
 */
@Documented
@Constraint(validatedBy = TextLimit.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface TextLimit {

    /** The most characters the field takes. */
    int max();

    String message() default "{shared.text.tooLong}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the characters and, when there are too many, adds how many to the message ({given}). */
    final class Validator implements ConstraintValidator<TextLimit, CharSequence> {

        private int max;

        @Override
        public void initialize(TextLimit limit) {
            this.max = limit.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            int given = TextLimits.length(value);
            if (given <= max) {
                return true;
            }
            if (context instanceof HibernateConstraintValidatorContext hibernate) {
                hibernate.addMessageParameter("given", given);
            }
            return false;
        }
    }
}
