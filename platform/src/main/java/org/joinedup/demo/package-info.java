/** The synthetic demo region: a deterministic generator of organisations, staff and patients, loaded on the demo's first start or written as NDJSON. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo region")
package org.joinedup.demo;
