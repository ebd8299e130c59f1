/**
 * OPC UA connector (Eclipse Milo): machines configured one per factory configuration {@code
 * io.tianshu.connector.opcua.machine} report their state, good and scrap counters and measured
 * values. Counter deltas become operation reports of the operation running at the machine's station
 * (idempotent by counter range); counts while no operation runs there are kept as unassigned
 * counts. {@link io.tianshu.connector.opcua.MachineConnectorService} lists the machines with their
 * connection state, last state and counters.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.connector.opcua;
