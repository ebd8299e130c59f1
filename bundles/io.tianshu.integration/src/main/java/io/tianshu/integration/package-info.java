/**
 * Integration: the server's one Camel context and its routes. Route files (YAML and XML DSL) in the
 * watched folder and {@code org.apache.camel.RoutesBuilder} services registered by other bundles
 * (connectors, industry packs) both run in it; {@link io.tianshu.integration.IntegrationService}
 * lists them with their state and counters and starts, stops and reloads them.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.integration;
