package io.mailtrip.jenkins.core;

import java.util.Optional;

/** Finds a username-with-password credential by id; Jenkins answers it from its credentials store. */
@FunctionalInterface
public interface CredentialsLookup {

    /** A lookup that knows no credential (forms without credentials fields, tests). */
    CredentialsLookup NONE = id -> Optional.empty();

    Optional<UsernamePassword> find(String credentialsId);
}
