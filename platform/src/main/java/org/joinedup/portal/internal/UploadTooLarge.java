package org.joinedup.portal.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file far larger than a photo (beyond what the server reads at all) is answered with a page saying so and how to
 * go back to the answers, which the browser still holds, rather than an error.
 */
@ControllerAdvice(basePackageClasses = UploadTooLarge.class)
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge() {
        return "portal/upload-too-large";
    }
}
