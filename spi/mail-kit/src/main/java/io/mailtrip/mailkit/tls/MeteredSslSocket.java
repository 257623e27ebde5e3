package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.PeerInput;

import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A TLS socket whose decrypted input is metered by the run's {@link PeerInput}: the limits on reply
 * lines, replies, headers and listings apply to what the server said, not to TLS records. Everything
 * else is the JDK socket's (generated delegation; nothing else is changed).
 */
final class MeteredSslSocket extends SSLSocket {

    private final SSLSocket delegate;
    private final PeerInput input;
    private InputStream metered;

    MeteredSslSocket(SSLSocket delegate, PeerInput input) {
        this.delegate = delegate;
        this.input = input;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (metered == null) {
            metered = input.meter(delegate.getInputStream());
        }
        return metered;
    }

    @Override
    public <T> SSLSocket setOption(SocketOption<T> name, T value) throws IOException {
        delegate.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return delegate.getOption(name);
    }

    @Override
    public String toString() {
        return "metered " + delegate;
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return delegate.getSupportedProtocols();
    }

    @Override
    public SSLSession getSession() {
        return delegate.getSession();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener a0) {
        delegate.addHandshakeCompletedListener(a0);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener a0) {
        delegate.removeHandshakeCompletedListener(a0);
    }

    @Override
    public void setEnableSessionCreation(boolean a0) {
        delegate.setEnableSessionCreation(a0);
    }

    @Override
    public void setEnabledCipherSuites(String[] a0) {
        delegate.setEnabledCipherSuites(a0);
    }

    @Override
    public void setEnabledProtocols(String[] a0) {
        delegate.setEnabledProtocols(a0);
    }

    @Override
    public void setNeedClientAuth(boolean a0) {
        delegate.setNeedClientAuth(a0);
    }

    @Override
    public void setUseClientMode(boolean a0) {
        delegate.setUseClientMode(a0);
    }

    @Override
    public void setWantClientAuth(boolean a0) {
        delegate.setWantClientAuth(a0);
    }

    @Override
    public void startHandshake() throws IOException {
        delegate.startHandshake();
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return delegate.getKeepAlive();
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return delegate.getOOBInline();
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return delegate.getReuseAddress();
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return delegate.getTcpNoDelay();
    }

    @Override
    public boolean isBound() {
        return delegate.isBound();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public boolean isInputShutdown() {
        return delegate.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return delegate.isOutputShutdown();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public int getPort() {
        return delegate.getPort();
    }

    @Override
    public int getSoLinger() throws SocketException {
        return delegate.getSoLinger();
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return delegate.getTrafficClass();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return delegate.getOutputStream();
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return delegate.getLocalSocketAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return delegate.getRemoteSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return delegate.getChannel();
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return delegate.supportedOptions();
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return delegate.getReceiveBufferSize();
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return delegate.getSendBufferSize();
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return delegate.getSoTimeout();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public void setReceiveBufferSize(int a0) throws SocketException {
        delegate.setReceiveBufferSize(a0);
    }

    @Override
    public void setSendBufferSize(int a0) throws SocketException {
        delegate.setSendBufferSize(a0);
    }

    @Override
    public void setSoTimeout(int a0) throws SocketException {
        delegate.setSoTimeout(a0);
    }

    @Override
    public void bind(SocketAddress a0) throws IOException {
        delegate.bind(a0);
    }

    @Override
    public void connect(SocketAddress a0) throws IOException {
        delegate.connect(a0);
    }

    @Override
    public void connect(SocketAddress a0, int a1) throws IOException {
        delegate.connect(a0, a1);
    }

    @Override
    public void sendUrgentData(int a0) throws IOException {
        delegate.sendUrgentData(a0);
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> a0) {
        delegate.setHandshakeApplicationProtocolSelector(a0);
    }

    @Override
    public void setKeepAlive(boolean a0) throws SocketException {
        delegate.setKeepAlive(a0);
    }

    @Override
    public void setOOBInline(boolean a0) throws SocketException {
        delegate.setOOBInline(a0);
    }

    @Override
    public void setPerformancePreferences(int a0, int a1, int a2) {
        delegate.setPerformancePreferences(a0, a1, a2);
    }

    @Override
    public void setReuseAddress(boolean a0) throws SocketException {
        delegate.setReuseAddress(a0);
    }

    @Override
    public void setSSLParameters(SSLParameters a0) {
        delegate.setSSLParameters(a0);
    }

    @Override
    public void setSoLinger(boolean a0, int a1) throws SocketException {
        delegate.setSoLinger(a0, a1);
    }

    @Override
    public void setTcpNoDelay(boolean a0) throws SocketException {
        delegate.setTcpNoDelay(a0);
    }

    @Override
    public void setTrafficClass(int a0) throws SocketException {
        delegate.setTrafficClass(a0);
    }

    @Override
    public void shutdownInput() throws IOException {
        delegate.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        delegate.shutdownOutput();
    }
}
