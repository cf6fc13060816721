package dev.rootline.engine.signature;

/** A signature that cannot be used, with the file and line it was written at. */
public class InvalidSignatureException extends Exception {

    public InvalidSignatureException(SignatureDefinition.Origin origin, String reason) {
        super(origin + ": " + reason);
    }
}
