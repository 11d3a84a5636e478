package org.joinedup.identity;

import java.security.interfaces.RSAPublicKey;

/** The public half of the key the built-in provider signs tokens with, for checking them in-process. */
public interface TokenKeys {

    RSAPublicKey signingKey();

    /** The issuer tokens of the built-in provider carry. */
    String issuer();
}
