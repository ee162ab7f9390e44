import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import '../../components/ui/ui.css';

setDocumentLanguage();
render(<PopupApp />, document.getElementById('app')!);
