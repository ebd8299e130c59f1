/**
 * Machines connected to Tianshu, whatever the protocol (OPC UA, Modbus TCP, ...): {@link
 * io.tianshu.connector.MachineConnectorService} lists the machines of the caller's plants with
 * their connection, last state and counters. Counter deltas become operation reports of the
 * operation running at the machine's station (idempotent by counter range); counts while no
 * operation runs there are kept as unassigned counts; state changes make the history OEE needs;
 * measured values are kept for SPC.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.tianshu.connector;
