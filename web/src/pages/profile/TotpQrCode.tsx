import { Center, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { toString as qrCodeSvg } from 'qrcode';

const SIZE = 200;

/** The otpauth:// address as a QR code an authenticator app scans; dark on white whatever the theme. */
export function TotpQrCode({ uri }: { uri: string }) {
  const image = useQuery({
    queryKey: ['totp-qr-code', uri],
    queryFn: async () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await qrCodeSvg(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))}`,
    staleTime: Infinity,
    // The address holds the secret: keep it in memory no longer than it is on screen.
    gcTime: 0,
  });
  if (image.isPending) {
    return (
      <Center w={SIZE} h={SIZE}>
        <Loader size="sm" aria-label="Drawing the QR code" />
      </Center>
    );
  }
  if (image.isError) {
    return (
      <Text size="sm" c="red" w={SIZE}>
        The QR code could not be drawn; type the key below into your app instead.
      </Text>
    );
  }
  return <img src={image.data} width={SIZE} height={SIZE} alt="QR code to scan with your authenticator app" style={{ background: '#fff', borderRadius: 4 }} />;
}
