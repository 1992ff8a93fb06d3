import { constants, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import { WebSocket } from 'ws';
import type { Json } from './types.js';

/** A gateway frame as Discord sends it. */
export interface GatewayPayload {
  op: number;
  d: Json;
  s: number | null;
  t: string | null;
}

/** One gateway WebSocket, speaking JSON plain, with `compress=zlib-stream`, or identify-compressed. */
export class GatewayConnection {
  /** The session this socket identified or resumed, if any. */
  sessionId: string | undefined;
  private identifyCompression = false;
  private readonly stream: Deflate | undefined;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: WebSocket,
    compress: string | null,
  ) {
    this.stream = compress === 'zlib-stream' ? createDeflate() : undefined;
  }

  /** Whether frames can still be sent. */
  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Deflates every later frame on its own, as IDENTIFY's `compress: true` asks. */
  enableIdentifyCompression(): void {
    this.identifyCompression = this.stream === undefined;
  }

  /** Sends one frame, in order with the frames sent before it. */
  send(payload: GatewayPayload): void {
    const text = JSON.stringify(payload);
    const stream = this.stream;
    if (stream) {
      this.sending = this.sending.then(() => flushInto(stream, text)).then((frame) => this.write(frame));
    } else if (this.identifyCompression) {
      this.write(deflateSync(text));
    } else {
      this.write(text);
    }
  }

  /** Closes the socket with a gateway close code. */
  close(code: number, reason: string): void {
    if (this.isOpen) this.socket.close(code, reason);
    this.stream?.close();
  }

  /** Drops the socket without a closing handshake, as a network failure would. */
  terminate(): void {
    this.socket.terminate();
    this.stream?.close();
  }

  private write(frame: string | Buffer): void {
    if (this.isOpen) this.socket.send(frame);
  }
}

/** Deflates `text` into the shared zlib stream and returns the bytes up to a sync flush. */
function flushInto(stream: Deflate, text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    stream.write(text);
    stream.flush(constants.Z_SYNC_FLUSH, () => {
      const chunks: Buffer[] = [];
      for (let chunk: Buffer | null = stream.read(); chunk !== null; chunk = stream.read()) chunks.push(chunk);
      resolve(Buffer.concat(chunks));
    });
  });
}
