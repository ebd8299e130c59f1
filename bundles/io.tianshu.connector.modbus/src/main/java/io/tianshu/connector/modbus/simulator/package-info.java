/**
 * A Modbus TCP slave simulating a machine (state cycle, good and scrap counters as 32-bit values in
 * two holding registers with a configurable word order, measured values, a running coil), on a
 * j2mod listener, for tests of this and other connectors, the demo (configuration {@code
 * io.tianshu.connector.modbus.simulator}) and the polling benchmark. Its API exposes no j2mod
 * types.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.connector.modbus.simulator;
