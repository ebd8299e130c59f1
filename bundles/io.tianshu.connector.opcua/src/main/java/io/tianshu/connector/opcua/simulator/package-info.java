/**
 * A Milo-based machine simulator (state cycle, good and scrap counters with wrap-around, a measured
 * value) for tests of this and other connectors, and for the demo (see the configuration {@code
 * io.tianshu.connector.opcua.simulator}). Its API exposes no Milo types.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.connector.opcua.simulator;
