package vn.commune.petition.api.request;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body read through another stream that checks it as it goes; the non-blocking side is the other's. */
abstract class ReadThrough extends ServletInputStream {

    protected final ServletInputStream in;

    ReadThrough(ServletInputStream in) {
        this.in = in;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
