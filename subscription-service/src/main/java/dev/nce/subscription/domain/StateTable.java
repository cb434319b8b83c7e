package dev.nce.subscription.domain;

import dev.nce.contracts.RuleViolation;
import java.util.EnumMap;
import java.util.Map;

/**
 * API.md "What each action answers by state", in one place (R-D1, R-C4/R-C5, R-E1, R-F3, D7, D10, D17, D20). Every
 * refusal here is 409 invalid-state.
 */
public final class StateTable {

    /** How an action is allowed in a state. */
    public enum Permission {
        ALLOWED,
        /** only inside the cancellation window (R-C4, R-C5). */
        WINDOW,
        /** trials: only autoRenew may be patched (D15). */
        AUTO_RENEW_ONLY,
        /** trials: scheduled changes describe the scheduled conversion (R-J4). */
        SCHEDULED_CONVERSION,
        REFUSED
    }

    private static final Map<SubscriptionAction, Map<StateCategory, Permission>> TABLE = new EnumMap<>(SubscriptionAction.class);

    static {
        //                         ACTIVE          EST             SUSPENDED       EXPIRED         DISABLED/DELETED  TRIAL
        row(SubscriptionAction.INCREASE_QUANTITY, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.DECREASE_QUANTITY, Permission.WINDOW, Permission.REFUSED, Permission.WINDOW, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.CHANGE_RENEWAL_SETTINGS, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.AUTO_RENEW_ONLY);
        row(SubscriptionAction.CANCEL, Permission.WINDOW, Permission.ALLOWED, Permission.WINDOW, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.SUSPEND, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.RESUME, Permission.REFUSED, Permission.REFUSED, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.RENEW, Permission.REFUSED, Permission.ALLOWED, Permission.REFUSED, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.SET_SCHEDULED_CHANGES, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.SCHEDULED_CONVERSION);
        row(SubscriptionAction.TERM_CHANGE, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.UPGRADE, Permission.ALLOWED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED);
        row(SubscriptionAction.TRIAL_CONVERSION, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.REFUSED, Permission.ALLOWED);
    }

    private StateTable() {}

    private static void row(SubscriptionAction action, Permission active, Permission est, Permission suspended,
                            Permission expired, Permission disabledOrDeleted, Permission trial) {
        Map<StateCategory, Permission> row = new EnumMap<>(StateCategory.class);
        row.put(StateCategory.ACTIVE, active);
        row.put(StateCategory.EXTENDED_SERVICE_TERM, est);
        row.put(StateCategory.SUSPENDED, suspended);
        row.put(StateCategory.EXPIRED, expired);
        // an expired trial cannot be renewed (D15) nor changed otherwise
        row.put(StateCategory.EXPIRED_TRIAL, Permission.REFUSED);
        row.put(StateCategory.DISABLED_OR_DELETED, disabledOrDeleted);
        row.put(StateCategory.TRIAL, trial);
        TABLE.put(action, row);
    }

    public static Permission permission(SubscriptionAction action, StateCategory state) {
        return TABLE.get(action).get(state);
    }

    /** The permission, or 409 invalid-state when the table refuses the action in this state. */
    public static Permission require(SubscriptionAction action, StateCategory state) {
        Permission permission = permission(action, state);
        if (permission == Permission.REFUSED) {
            throw RuleViolation.invalidState(ruleFor(action), describe(action) + " is not allowed for a subscription that is "
                    + describe(state));
        }
        return permission;
    }

    private static String ruleFor(SubscriptionAction action) {
        switch (action) {
            case INCREASE_QUANTITY:
                return "R-D1";
            case DECREASE_QUANTITY:
                return "R-C5";
            case CANCEL:
                return "R-C4";
            case SUSPEND:
            case RESUME:
                return "R-E1";
            case RENEW:
                return "D10";
            case SET_SCHEDULED_CHANGES:
                return "R-F3";
            case CHANGE_RENEWAL_SETTINGS:
                return "D17";
            default:
                return null;
        }
    }

    private static String describe(SubscriptionAction action) {
        return action.name().toLowerCase().replace('_', ' ');
    }

    private static String describe(StateCategory state) {
        switch (state) {
            case EXTENDED_SERVICE_TERM:
                return "in its Extended Service Term";
            case EXPIRED_TRIAL:
                return "an expired trial";
            case DISABLED_OR_DELETED:
                return "disabled or deleted";
            case TRIAL:
                return "a trial";
            default:
                return state.name();
        }
    }
}
