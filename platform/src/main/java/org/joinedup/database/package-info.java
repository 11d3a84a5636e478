/** The database: an embedded, durable PostgreSQL by default, or any external PostgreSQL 15+ by configuration. */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.joinedup.database;
