package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * HAPI HL7 v2, set up once: every version from 2.3 on is read into the 2.5.1 model (later versions' extra fields
 * are kept as extra components), without HAPI's own validation (we check what we map), and with message ids for
 * acknowledgements generated in memory (HAPI's default writes an id file into the working directory).
 */
final class Hl7Parsing {

    private final PipeParser parser;

    Hl7Parsing() {
        HapiContext context = new DefaultHapiContext();
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        this.parser = context.getPipeParser();
    }

    Message parse(String er7) throws HL7Exception {
        return parser.parse(er7);
    }

    String encode(Message message) throws HL7Exception {
        return parser.encode(message);
    }
}
