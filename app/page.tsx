import { DesignsPage } from './_components/designs-page';

export default function Home() {
  return <DesignsPage />;
}
