/** The SocketFactory of the worker: the platform WebSocket. */
import type { SocketFactory } from './realtime-channel'

export const openBrowserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url)
  let isClosedByUs = false
  socket.onopen = () => {
    handlers.onOpen()
  }
  socket.onmessage = (event: MessageEvent<unknown>) => {
    handlers.onMessage(event.data)
  }
  socket.onclose = (event: CloseEvent) => {
    if (!isClosedByUs) handlers.onClose(event.code)
  }
  return {
    send: (data) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(data)
    },
    close: () => {
      isClosedByUs = true
      socket.close()
    }
  }
}
