package io.mailtrip.mailkit;

import java.io.IOException;

/**
 * A server sent more than a {@link PeerLimits} limit allows; the message names the limit
 * ({@code listing exceeds 100000 entries}). An {@link IOException} so it leaves Commons Net's readers the
 * way any read failure does; {@link NetworkFailure} words it as it is.
 */
public final class PeerLimitException extends IOException {

    public PeerLimitException(String limit) {
        super(limit);
    }
}
