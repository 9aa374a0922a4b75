package com.samplerlens.core.graph;

import java.util.Comparator;

/** The order the spec uses for node ids: numbers numerically first, then other ids as strings. */
public final class NodeIds {
    private NodeIds() {}

    public static final Comparator<String> ORDER = NodeIds::compare;

    public static int compare(String a, String b) {
        return compare(a, asNumber(a), b, asNumber(b));
    }

    /** {@link #compare} of two ids whose {@link #asNumber} is already known (null: not a number). */
    static int compare(String a, Long na, String b, Long nb) {
        if (na != null && nb != null) {
            int c = Long.compare(na, nb);
            return c != 0 ? c : a.compareTo(b);
        }
        if (na != null) return -1;
        if (nb != null) return 1;
        return a.compareTo(b);
    }

    /** The id as a number when it is one ("12"), else null ("128:81"). */
    public static Long asNumber(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) return null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                if (!(i == 0 && c == '-' && id.length() > 1)) return null;
            }
        }
        return Long.parseLong(id);
    }
}
