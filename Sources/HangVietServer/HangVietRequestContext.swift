import Hummingbird
import Logging
import NIOCore

/// The request context: Hummingbird's core storage plus the client's address (for rate
/// limiting and access logs).
public struct HangVietRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are collected by the handlers with their own limits.
    public var maxUploadSize: Int { 1024 * 1024 }
}
