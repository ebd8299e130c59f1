package io.tianshu.connector.opcua.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The connector's application instance certificate and trust list for secured endpoints, under one
 * PKI folder (default {@code ${karaf.etc}/opcua/pki}): {@code own/client.crt} (DER) and {@code
 * own/client.key} (PKCS#8 PEM, owner-only, like Karaf's SSH host key) are created on first use; a
 * server certificate is trusted by copying it into {@code trusted/certs} — the connector never
 * trusts a server on its own; rejected server certificates land in {@code rejected/} to be moved.
 */
public final class ClientSecurity {
  static final String APPLICATION_URI = "urn:tianshu:mom:opcua-connector";

  private final Path pkiDir;
  private KeyPair keyPair;
  private X509Certificate certificate;
  private FileBasedTrustListManager trust;
  private CertificateQuarantine quarantine;

  public ClientSecurity(Path pkiDir) {
    this.pkiDir = pkiDir;
  }

  synchronized void apply(OpcUaClientConfigBuilder b) throws Exception {
    if (keyPair == null) {
      load();
    }
    b.setKeyPair(keyPair)
        .setCertificate(certificate)
        .setCertificateChain(new X509Certificate[] {certificate})
        .setCertificateValidator(new DefaultClientCertificateValidator(trust, quarantine));
  }

  private void load() throws Exception {
    if (pkiDir == null) {
      throw new IllegalStateException("a secured endpoint needs a PKI folder / 安全端点需要证书目录");
    }
    trust = FileBasedTrustListManager.createAndInitialize(pkiDir);
    quarantine = FileBasedCertificateQuarantine.create(pkiDir.resolve("rejected"));
    Path own = Files.createDirectories(pkiDir.resolve("own"));
    Path crt = own.resolve("client.crt");
    Path key = own.resolve("client.key");
    if (Files.exists(crt) && Files.exists(key)) {
      PrivateKey priv = readKey(key);
      try (InputStream in = Files.newInputStream(crt)) {
        certificate =
            (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      keyPair = new KeyPair(certificate.getPublicKey(), priv);
      return;
    }
    keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    certificate =
        new SelfSignedCertificateBuilder(keyPair)
            .setCommonName("Tianshu MOM OPC UA connector")
            .setOrganization("Tianshu")
            .setApplicationUri(APPLICATION_URI)
            .addDnsName("localhost")
            .setValidityPeriod(java.time.Period.ofYears(5))
            .build();
    Files.write(crt, certificate.getEncoded());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keyPair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(key, pem);
    try {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
  }

  private static PrivateKey readKey(Path key) throws Exception {
    String pem = Files.readString(key);
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey k =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    if (k instanceof RSAPrivateCrtKey crt) {
      // check that it parses into a full key (the public half comes from the certificate)
      KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }
    return k;
  }
}
