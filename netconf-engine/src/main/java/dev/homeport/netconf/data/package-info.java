/**
 * YANG-aware data for the engine, on yangtools 14: every class here works on one schema (an
 * {@code EffectiveModelContext}) and on immutable yangtools {@code NormalizedNode} trees whose root is the data root
 * {@code (urn:ietf:params:xml:ns:netconf:base:1.0)data}. The classes are thread-safe and know nothing of sessions:
 * the client uses them on replies and to build edits, the device simulator to run edits against its datastores.
 *
 * <ul>
 *   <li>{@link dev.homeport.netconf.data.XmlDataCodec}: NETCONF XML ({@code <data>}, {@code <config>}) to a tree and
 *       back. Lenient parsing skips and lists what the schema does not define; without any schema, callers keep the
 *       raw XML ({@code DataReply.data()}).</li>
 *   <li>{@link dev.homeport.netconf.data.EditApplier}: edit-config (RFC 6241 section 7.2) applied to a tree,
 *       all-or-nothing, with {@link dev.homeport.netconf.data.EditError}s that are rpc-errors.</li>
 *   <li>{@link dev.homeport.netconf.data.DataDelta}: the smallest edit-config between two configurations.</li>
 *   <li>{@link dev.homeport.netconf.data.DataTrees}: the empty root, normal forms, order-aware comparison.</li>
 * </ul>
 */
package dev.homeport.netconf.data;
