package org.gridwork.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/** The photos of a form (visit, issue, public report) as bytes for the photo store; empty file inputs are skipped. */
public final class UploadedPhotos {

    private UploadedPhotos() {
    }

    public static List<byte[]> bytes(List<MultipartFile> files) {
        List<byte[]> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f != null && !f.isEmpty()) {
                try {
                    out.add(f.getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
