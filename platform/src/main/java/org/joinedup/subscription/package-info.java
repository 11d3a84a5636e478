/** FHIR R4 Subscriptions: systems follow changes to the record by criteria, notified by rest-hook or websocket. */
package org.joinedup.subscription;
