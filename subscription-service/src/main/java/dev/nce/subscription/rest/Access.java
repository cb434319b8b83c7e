package dev.nce.subscription.rest;

import dev.nce.kit.auth.Caller;
import dev.nce.subscription.service.Actor;

/** The caller as the service layer sees it: subject and customer scope (404 across customers). */
final class Access {
    private Access() {}

    static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller::requireAccessTo);
    }
}
