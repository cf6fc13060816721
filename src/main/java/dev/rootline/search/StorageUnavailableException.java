package dev.rootline.search;

import java.io.IOException;

/** The store cannot take or serve entries now (a failed disk, an index being reopened): nothing was acknowledged. */
public class StorageUnavailableException extends IOException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
