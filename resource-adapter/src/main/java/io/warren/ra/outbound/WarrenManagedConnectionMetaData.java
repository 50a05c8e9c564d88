package io.warren.ra.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/**
 * What the server shows about a managed connection: the product, and the user it connects as. Immutable.
 */
final class WarrenManagedConnectionMetaData implements ManagedConnectionMetaData {
    private final String user;

    WarrenManagedConnectionMetaData(String user) {
        this.user = user;
    }

    @Override
    public String getEISProductName() {
        return "Warren";
    }

    @Override
    public String getEISProductVersion() {
        String v = WarrenManagedConnectionMetaData.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /** No limit: a Warren connection serves any number of handles in turn, one session per handle. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return user;
    }
}
