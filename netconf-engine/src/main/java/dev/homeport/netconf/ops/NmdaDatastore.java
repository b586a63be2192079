package dev.homeport.netconf.ops;

/** RFC 8342 datastores as ietf-datastores identities, for get-data and edit-data (RFC 8526). */
public enum NmdaDatastore {
    RUNNING("running", true),
    CANDIDATE("candidate", true),
    STARTUP("startup", true),
    INTENDED("intended", false),
    OPERATIONAL("operational", false);

    private final String identity;
    private final boolean writable;

    NmdaDatastore(String identity, boolean writable) {
        this.identity = identity;
        this.writable = writable;
    }

    public String identity() {
        return identity;
    }

    /** edit-data accepts only the configuration datastores. */
    public boolean writable() {
        return writable;
    }

    public static NmdaDatastore parse(String s) {
        for (NmdaDatastore d : values()) {
            if (d.identity.equals(s) || ("ds:" + d.identity).equals(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown NMDA datastore '" + s + "'");
    }
}
