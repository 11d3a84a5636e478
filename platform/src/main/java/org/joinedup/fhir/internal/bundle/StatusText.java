package org.joinedup.fhir.internal.bundle;

/** HTTP status lines for Bundle entry responses ("201 Created"). */
final class StatusText {

    private StatusText() {
    }

    static String of(int status) {
        String reason = switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            default -> status >= 500 ? "Internal Server Error" : "";
        };
        return (status + " " + reason).trim();
    }
}
