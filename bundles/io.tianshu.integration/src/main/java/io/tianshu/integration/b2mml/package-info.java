/**
 * ISA-95 / B2MML (V0700, namespace {@value io.tianshu.integration.b2mml.B2mml#NS}) in plain Java:
 * {@link io.tianshu.integration.b2mml.B2mmlReader} validates a document structurally (every error
 * with its element path) and maps it onto Tianshu records, {@link
 * io.tianshu.integration.b2mml.B2mmlWriter} writes Tianshu records as B2MML. Parsers refuse DTDs
 * and external entities. {@link io.tianshu.integration.b2mml.B2mmlService} exports a plant's data.
 */
@org.osgi.annotation.versioning.Version("0.3.0")
package io.tianshu.integration.b2mml;
