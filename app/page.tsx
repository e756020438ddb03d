import { configuredPassword } from '@/server/auth/editor-access';
import { DesignsPage } from './_components/designs-page';

export default function Home() {
  return <DesignsPage canSignOut={configuredPassword() !== undefined} />;
}
