package dev.nce.subscription.domain;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.RuleViolation;

/**
 * D17 (with R-F1, D15, D20): a subscription's {@code autoRenew} and {@code endOfTermAction}. autoRenew is true exactly
 * when the action is RENEW. EXPIRE is set only by the platform. The default non-renew action is EXTENDED_SERVICE_TERM;
 * an offer with {@code renewable=false} never renews nor enters EST: CANCEL in EST scope, EXPIRE outside it.
 */
public record RenewalSettings(boolean autoRenew, EndOfTermAction endOfTermAction) {

    public static final RenewalSettings RENEW = new RenewalSettings(true, EndOfTermAction.RENEW);
    /** D20: what suspension sets. */
    public static final RenewalSettings SUSPENDED = new RenewalSettings(false, EndOfTermAction.EXPIRE);

    public static RenewalSettings of(EndOfTermAction action) {
        return new RenewalSettings(action == EndOfTermAction.RENEW, action);
    }

    /** 400 for a request that sets EXPIRE or contradicts itself (autoRenew true with a non-RENEW action, or false with RENEW). */
    public static void validateRequest(Boolean autoRenew, EndOfTermAction action) {
        if (action == EndOfTermAction.EXPIRE) {
            throw RuleViolation.invalidField("endOfTermAction", "EXPIRE is set only by the platform (D17)");
        }
        if (autoRenew != null && action != null && autoRenew != (action == EndOfTermAction.RENEW)) {
            throw RuleViolation.invalidField("endOfTermAction",
                    "autoRenew " + autoRenew + " contradicts endOfTermAction " + action);
        }
    }

    /** The action an offer that never renews gets (D17). */
    public static RenewalSettings notRenewable(boolean termInEstScope) {
        return new RenewalSettings(false, termInEstScope ? EndOfTermAction.CANCEL : EndOfTermAction.EXPIRE);
    }

    /** The settings of a purchase (R-F1: auto-renew on by default; explicit off means EST, D17). */
    public static RenewalSettings forPurchase(Boolean autoRenew, EndOfTermAction action, boolean renewable,
                                              boolean termInEstScope) {
        validateRequest(autoRenew, action);
        if (!renewable) {
            if (Boolean.TRUE.equals(autoRenew) || action == EndOfTermAction.RENEW
                    || action == EndOfTermAction.EXTENDED_SERVICE_TERM) {
                throw RuleViolation.invalidState("D17", "this offer is not renewable: it never renews nor enters an "
                        + "Extended Service Term");
            }
            return action == EndOfTermAction.CANCEL ? of(EndOfTermAction.CANCEL) : notRenewable(termInEstScope);
        }
        if (action != null) {
            return of(action);
        }
        return Boolean.FALSE.equals(autoRenew) ? of(EndOfTermAction.EXTENDED_SERVICE_TERM) : RENEW;
    }

    /**
     * A PATCH of autoRenew / endOfTermAction on an ACTIVE subscription: autoRenew true = RENEW; false = the default
     * non-renew action, leaving a non-RENEW action unchanged; an action sets autoRenew accordingly. A trial takes only
     * autoRenew (RENEW or EXPIRE, D15); a non-renewable offer refuses RENEW and EST (409 invalid-state).
     */
    public RenewalSettings patch(Boolean newAutoRenew, EndOfTermAction newAction, boolean trial, boolean renewable,
                                 boolean termInEstScope) {
        validateRequest(newAutoRenew, newAction);
        if (trial) {
            if (newAction != null) {
                throw RuleViolation.invalidState("D15", "a trial takes only autoRenew");
            }
            if (newAutoRenew == null) {
                return this;
            }
            return newAutoRenew ? RENEW : new RenewalSettings(false, EndOfTermAction.EXPIRE);
        }
        EndOfTermAction target;
        if (newAction != null) {
            target = newAction;
        } else if (newAutoRenew == null) {
            return this;
        } else if (newAutoRenew) {
            target = EndOfTermAction.RENEW;
        } else {
            target = endOfTermAction == EndOfTermAction.RENEW ? EndOfTermAction.EXTENDED_SERVICE_TERM : endOfTermAction;
        }
        if (!renewable) {
            if (target == EndOfTermAction.RENEW || target == EndOfTermAction.EXTENDED_SERVICE_TERM) {
                throw RuleViolation.invalidState("D17", "this offer is not renewable: it never renews nor enters an "
                        + "Extended Service Term");
            }
        }
        return of(target);
    }

    /** D7: a change that takes effect at renewal (anything but returning to RENEW) needs notice. */
    public boolean needsNoticeComparedTo(RenewalSettings before) {
        return !equals(before) && endOfTermAction != EndOfTermAction.RENEW;
    }

    /** R-F1 / R-D3: turning auto-renew off drops scheduled changes. */
    public boolean turnsAutoRenewOff(RenewalSettings before) {
        return before.autoRenew && !autoRenew;
    }
}
