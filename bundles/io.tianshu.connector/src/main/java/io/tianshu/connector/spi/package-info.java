/**
 * For protocol connectors (OPC UA, Modbus, packs' own): a connector reads a machine's raw signals
 * and hands them to {@link io.tianshu.connector.spi.MachineSignals}, opened by the {@link
 * io.tianshu.connector.spi.MachineSignalsFactory} service; it registers a {@link
 * io.tianshu.connector.spi.MachineLink} service per machine for the listing. Counter arithmetic
 * (reset, 16/32-bit wrap) is {@link io.tianshu.connector.spi.CounterTracker}; {@link
 * io.tianshu.connector.spi.MemoryMachineStore} is a store in memory for tests and benchmarks.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.connector.spi;
