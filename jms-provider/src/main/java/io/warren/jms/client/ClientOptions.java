package io.warren.jms.client;

import io.warren.jms.url.ConnectionUrl;
import java.util.List;

/**
 * Options a connection is created with: the URL's, overridden by the factory's setters.
 *
 * @param prefetch        messages a consumer may hold ahead of the application
 * @param trustedPackages package prefixes ObjectMessage bodies may deserialise from
 * @param sharedClientId  whether connections with the client ID may be open at once (a connection pool's)
 */
public record ClientOptions(ConnectionUrl url, String clientId, int prefetch, List<String> trustedPackages,
                            String user, String password, boolean sharedClientId) {
    /** URL option and factory property that lets connections share a client ID, named as in Artemis. */
    public static final String SHARED_CLIENT_ID = "enableSharedClientID";

    /** Default prefetch: enough to keep a consumer busy, small enough to share a queue fairly. */
    public static final int DEFAULT_PREFETCH = 256;

    /** The options without the password. */
    @Override
    public String toString() {
        return "ClientOptions[url=" + url + ", clientId=" + clientId + ", prefetch=" + prefetch + ", trustedPackages="
                + trustedPackages + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + (sharedClientId ? ", sharedClientId" : "") + "]";
    }

    /** What is wrong with a prefetch below 1, and what to use instead. */
    public static String prefetchProblem(int prefetch) {
        return "prefetch must be at least 1, was " + prefetch + ": a consumer holds up to that many messages ahead of"
                + " the application, and prefetch 1 holds the fewest (Warren has no pull mode like Artemis's"
                + " consumerWindowSize=0)";
    }

    public static ClientOptions from(ConnectionUrl url, String clientId, Integer prefetch, List<String> trusted,
                                     String user, String password, Boolean sharedClientId) {
        int p = prefetch != null ? prefetch : url.intOption("prefetch", DEFAULT_PREFETCH);
        if (p < 1) {
            throw new IllegalArgumentException(prefetchProblem(p));
        }
        return new ClientOptions(url, clientId != null ? clientId : url.option("clientID"), p,
                trusted != null ? trusted : url.listOption("trustedPackages"),
                user != null ? user : url.user(), password != null ? password : url.password(),
                sharedClientId != null ? sharedClientId : url.booleanOption(SHARED_CLIENT_ID, false));
    }
}
