/** Analytics: SQL on FHIR views over the record (and, to come, pseudonymised extracts, bulk export and dashboards). */
package org.joinedup.analytics;
