package com.samplerlens.app.kit;

/**
 * One output node the save node picker offers: what an artist recognises it by (its title and
 * class) and how many samplers feed it, which is how the core picks the default.
 *
 * @param id                the node id ("306", "311:248" inside a subgraph)
 * @param title             the node's title as the workflow shows it (its class when it has none)
 * @param classType         the node's class
 * @param samplersUpstream  samplers upstream of it, itself included
 * @param isDefault         the core's choice when the user names none
 * @param why               for the default, why the core chose it ("most samplers upstream (4)"); null for the others
 */
public record SaveNodeOption(String id, String title, String classType, int samplersUpstream, boolean isDefault, String why) {

    /** "#306  Video Combine · VHS_VideoCombine · 2 samplers", with "(default)" for the core's choice. */
    public String label() {
        return shortLabel() + (isDefault ? "  (default)" : "");
    }

    /** The label without the default mark: where room is short and the mark is said elsewhere. */
    public String shortLabel() {
        String name = title.equals(classType) ? classType : title + " · " + classType;
        String count = samplersUpstream == 1 ? "1 sampler" : samplersUpstream + " samplers";
        return "#" + id + "  " + name + " · " + count;
    }
}
