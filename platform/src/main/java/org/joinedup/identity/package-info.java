/** Who someone is: the built-in OpenID Connect provider at /auth, its clients and keys, and the external providers that can replace it. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.joinedup.identity;
