/** The patient portal: pages for patients and the people they have named as proxies, in the NHS.UK design system. */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.joinedup.portal;
