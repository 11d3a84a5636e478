/** Value types every capability shares: identifiers such as {@link org.joinedup.shared.NhsNumber}. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.joinedup.shared;
